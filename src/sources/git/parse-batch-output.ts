/** One answer of `git cat-file --batch`. */
export interface GitObject {
  id: string;
  type: string;
  content: Buffer;
}

const headerPattern = /^([0-9a-f]{40,64}) (\S+) (\d+)$/;

/**
 * Splits the byte stream of `git cat-file --batch` into answers: `<id> <type> <size>\n<content>\n`, or
 * `<name> missing\n` (reported as undefined). Chunks are only joined once an answer is complete, so big blobs
 * arriving in many chunks are copied once.
 */
export class BatchOutputParser {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private header: { id: string; type: string; size: number } | undefined;

  constructor(private readonly onObject: (object: GitObject | undefined) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.header ? this.takeContent() : this.takeHeader());
  }

  private takeHeader(): boolean {
    const data = this.flatten();
    const end = data.indexOf(0x0a);
    if (end < 0) return false;
    const line = data.subarray(0, end).toString('utf8');
    this.keep(data.subarray(end + 1));
    const match = headerPattern.exec(line);
    if (match) this.header = { id: match[1] as string, type: match[2] as string, size: Number(match[3]) };
    else this.onObject(undefined);
    return true;
  }

  private takeContent(): boolean {
    const header = this.header;
    if (!header || this.buffered < header.size + 1) return false;
    const data = this.flatten();
    const content = Buffer.from(data.subarray(0, header.size));
    this.keep(data.subarray(header.size + 1));
    this.header = undefined;
    this.onObject({ id: header.id, type: header.type, content });
    return true;
  }

  private flatten(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private keep(rest: Buffer): void {
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
  }
}
