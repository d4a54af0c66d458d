/**
 * Signed-out sessions, as sign-out and the docs gate need them (src/store/sqlite-revoked-sessions.ts). A session
 * cookie is signed, not stored, so without this a copy of it would stay valid until it expired.
 */
export interface SessionRevocations {
  /** Called on every gated docs request: must stay one cheap lookup. */
  isRevoked(sessionId: string): boolean;
  /** Until `expiresAt` (epoch ms), when the cookie is refused anyway; resolves once the revocation is recorded. */
  revoke(sessionId: string, expiresAt: number): Promise<void>;
}
