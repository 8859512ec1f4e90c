// The viewer's IANA time zone, so history times show in local time (UTC stays in the tooltip).
export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
