// Worker-thread entry: parses catalog files without placeholders off the main thread, which meanwhile
// reads the source and writes SQLite. Messages: { id, content, displayPath, origin } → { id, result | error }.
import { parentPort } from 'node:worker_threads';
import { createBuiltinKindRegistry } from '../../core/catalog/kind-registry.ts';
import { parseFileToResult } from './parsed-file-result.ts';
import type { EntityOrigin } from './entity-record.ts';

interface ParseRequest {
  id: number;
  content: Uint8Array;
  displayPath: string;
  origin: EntityOrigin;
}

const registry = createBuiltinKindRegistry();
const noPlaceholders = async () => ({ ok: false as const, message: 'placeholders are resolved on the main thread', transient: false });

parentPort!.on('message', (request: ParseRequest) => {
  parseFileToResult(request.content, request.displayPath, request.origin, { registry, readTarget: noPlaceholders }).then(
    (result) => parentPort!.postMessage({ id: request.id, result }),
    (error: Error) => parentPort!.postMessage({ id: request.id, error: error.message }),
  );
});
