const DAY = 24 * 60 * 60_000;

export const SESSION_LIFETIME = {
  /** A session nobody has used for this long has ended. */
  idleMs: 7 * DAY,
  /** However busy, a session ends this long after sign-in. */
  absoluteMs: 30 * DAY,
  /** Last use is written at most this often, so pages do not each cost a write. */
  touchEveryMs: 60_000,
} as const;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date };

export function sessionIsLive(session: SessionTimes, now: Date, lifetime = SESSION_LIFETIME): boolean {
  const t = now.getTime();
  return t - session.lastSeenAt.getTime() < lifetime.idleMs && t - session.createdAt.getTime() < lifetime.absoluteMs;
}

export function sessionNeedsTouch(session: SessionTimes, now: Date, lifetime = SESSION_LIFETIME): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= lifetime.touchEveryMs;
}

/** The earliest moments a session with these times stops being live. */
export function liveSince(now: Date, lifetime = SESSION_LIFETIME): { lastSeenAfter: Date; createdAfter: Date } {
  return { lastSeenAfter: new Date(now.getTime() - lifetime.idleMs), createdAfter: new Date(now.getTime() - lifetime.absoluteMs) };
}

/** When a live session will end if it is not used again. */
export function sessionEndsAt(session: SessionTimes, lifetime = SESSION_LIFETIME): Date {
  return new Date(Math.min(session.lastSeenAt.getTime() + lifetime.idleMs, session.createdAt.getTime() + lifetime.absoluteMs));
}

/** A short description of a browser from its User-Agent, for the list of sessions. */
export function describeUserAgent(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /iPhone|iPad/.test(userAgent)
    ? "iOS"
    : /Android/.test(userAgent)
      ? "Android"
      : /Mac OS X/.test(userAgent)
        ? "macOS"
        : /Windows/.test(userAgent)
          ? "Windows"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? "Unknown browser";
}
