import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A JSON payload and its HMAC-SHA256, as `<payload>.<mac>` in base64url: what the sign-in cookies carry. The
 * purpose is part of what is signed, so a value made for one cookie is never accepted as the other.
 */
const mac = (key: Buffer, purpose: string, payload: string): Buffer => createHmac('sha256', key).update(`${purpose}\n${payload}`).digest();

export const signValue = (key: Buffer, purpose: string, data: Record<string, unknown>): string => {
  const payload = Buffer.from(JSON.stringify(data)).toString('base64url');
  return `${payload}.${mac(key, purpose, payload).toString('base64url')}`;
};

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The payload when the value is well formed and its MAC matches; undefined for anything else (never throws). */
export const verifyValue = (key: Buffer, purpose: string, value: string): Record<string, unknown> | undefined => {
  const [payload = '', given = '', extra] = value.split('.');
  if (extra !== undefined || !BASE64URL.test(payload) || !BASE64URL.test(given)) return undefined;
  const expected = mac(key, purpose, payload);
  const received = Buffer.from(given, 'base64url');
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return undefined;
  try {
    const data: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};
