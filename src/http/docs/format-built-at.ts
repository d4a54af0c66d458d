/** `2026-12-06 12:04 UTC` for an ISO time: the same for every reader, whatever the server's time zone. */
export const formatBuiltAt = (iso: string): string => {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};
