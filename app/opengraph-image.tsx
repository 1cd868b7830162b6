import { ImageResponse } from "next/og";

// The picture a chat or social app shows beside a shared Verdict link. Drawn at build time, with
// the font Next bundles for this, so nothing is fetched.
export const alt = "Verdict: make technology decisions as a team, and keep the record";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default function OpenGraphImage() {
  return new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "center", padding: 80, background: "#f8fafc" }}>
      <div style={{ display: "flex", alignItems: "center", gap: 28 }}>
        <div
          style={{
            width: 120,
            height: 120,
            borderRadius: 26,
            background: "#4338ca",
            color: "white",
            fontSize: 84,
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
          }}
        >
          V
        </div>
        <div style={{ fontSize: 96, color: "#0f172a" }}>Verdict</div>
      </div>
      <div style={{ marginTop: 48, fontSize: 48, color: "#334155", lineHeight: 1.3 }}>
        Choose the framework together: weigh the criteria, score the options sealed, and keep the record of why.
      </div>
    </div>,
    size,
  );
}
