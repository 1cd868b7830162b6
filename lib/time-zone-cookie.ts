// The browser tells the server its time zone in this cookie (app/_components/time-zone-sync.tsx),
// so pages are written in the reader's own time from the first byte, once it is known.
export const TIME_ZONE_COOKIE = "tz";
