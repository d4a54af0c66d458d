/** Polls until `condition` holds (a background run reached a point), failing after `timeoutMs`. */
export const waitFor = async (condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
