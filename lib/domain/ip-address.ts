// Which kind of address an IP is, so that a webhook can be refused when it would make the server
// call into its own network. Pure: the caller resolves names; this only reads the numbers.

export type AddressKind = "public" | "private" | "loopback" | "link-local" | "cgnat" | "multicast" | "unspecified" | "reserved" | "invalid";

/** Why each kind other than "public" is refused, as a person reads it. */
export const ADDRESS_KIND_WORDS: Readonly<Record<Exclude<AddressKind, "public">, string>> = {
  private: "a private network address",
  loopback: "a loopback address (this machine)",
  "link-local": "a link-local address",
  cgnat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  reserved: "a reserved address",
  invalid: "not an IP address",
};

/** Four octets, or null unless `text` is plain dotted decimal (what resolvers and URL parsing give). */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^(0|[1-9]\d{0,2})$/.test(part) ? Number(part) : NaN));
  return octets.every((o) => o >= 0 && o <= 255) ? octets : null;
}

/** Eight 16-bit groups, or null. Accepts "::" shortening, a dotted IPv4 tail and a zone ("%eth0"). */
export function parseIPv6(text: string): number[] | null {
  const address = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!/^[0-9a-fA-F:.]+$/.test(address)) return null;
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === "") return [];
    const out: number[] = [];
    const pieces = half.split(":");
    for (const [i, piece] of pieces.entries()) {
      if (piece.includes(".")) {
        const v4 = i === pieces.length - 1 ? parseIPv4(piece) : null;
        if (!v4) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  // A tail of IPv4 after "::" must still leave at least one group for the "::" to stand for.
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

type V4Range = readonly [base: readonly number[], bits: number, kind: AddressKind];

const V4_RANGES: readonly V4Range[] = [
  [[0, 0, 0, 0], 8, "unspecified"],
  [[10, 0, 0, 0], 8, "private"],
  [[100, 64, 0, 0], 10, "cgnat"],
  [[127, 0, 0, 0], 8, "loopback"],
  [[169, 254, 0, 0], 16, "link-local"],
  [[172, 16, 0, 0], 12, "private"],
  [[192, 0, 0, 0], 24, "reserved"], // protocol assignments
  [[192, 0, 2, 0], 24, "reserved"], // documentation
  [[192, 88, 99, 0], 24, "reserved"], // 6to4 relays
  [[192, 168, 0, 0], 16, "private"],
  [[198, 18, 0, 0], 15, "reserved"], // benchmarking
  [[198, 51, 100, 0], 24, "reserved"],
  [[203, 0, 113, 0], 24, "reserved"],
  [[224, 0, 0, 0], 4, "multicast"],
  [[240, 0, 0, 0], 4, "reserved"], // and 255.255.255.255, broadcast
];

const v4Number = (o: readonly number[]) => ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;

function classifyV4(octets: readonly number[]): AddressKind {
  const value = v4Number(octets);
  for (const [base, bits, kind] of V4_RANGES) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === (v4Number(base) & mask) >>> 0) return kind;
  }
  return "public";
}

/** The IPv4 address held in two groups. */
const v4Of = (high: number, low: number) => [high >> 8, high & 0xff, low >> 8, low & 0xff];

function classifyV6(g: readonly number[]): AddressKind {
  const zerosUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zerosUpTo(8)) return "unspecified";
  if (zerosUpTo(7) && g[7] === 1) return "loopback";
  // IPv4 carried inside IPv6 is judged as the IPv4 it carries: mapped (::ffff:a.b.c.d),
  // translated (::ffff:0:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4.
  if (zerosUpTo(5) && g[5] === 0xffff) return classifyV4(v4Of(g[6]!, g[7]!));
  if (zerosUpTo(4) && g[4] === 0xffff && g[5] === 0) return classifyV4(v4Of(g[6]!, g[7]!));
  if (zerosUpTo(6)) return classifyV4(v4Of(g[6]!, g[7]!));
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyV4(v4Of(g[6]!, g[7]!));
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return "private"; // local-use NAT64
  if (g[0] === 0x2002) return classifyV4(v4Of(g[1]!, g[2]!));
  if (g[0] === 0x2001 && g[1] === 0) return "reserved"; // Teredo tunnels reach anywhere
  if (g[0] === 0x2001 && g[1] === 0xdb8) return "reserved"; // documentation
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return "private"; // unique local
  if ((first & 0xffc0) === 0xfe80) return "link-local";
  if ((first & 0xffc0) === 0xfec0) return "private"; // site-local, deprecated
  if ((first & 0xff00) === 0xff00) return "multicast";
  // Only 2000::/3 is handed out for global unicast; anything else is not a place to call.
  if ((first & 0xe000) !== 0x2000) return "reserved";
  return "public";
}

/** What kind of address `ip` is (IPv4 or IPv6 text, as a resolver or a URL's host gives it). */
export function classifyAddress(ip: string): AddressKind {
  const v4 = parseIPv4(ip);
  if (v4) return classifyV4(v4);
  const v6 = ip.includes(":") ? parseIPv6(ip) : null;
  return v6 ? classifyV6(v6) : "invalid";
}
