/**
 * The parse worker's program: the fast path of reading catalog files (plain YAML, validation, relations,
 * the stored record) for the built-in kinds, so a big pass parses on one core while the main thread
 * writes on the other. Anything else answers null and is read on the main thread with its registry.
 */
import { parentPort } from 'node:worker_threads';
import { createBuiltinKindRegistry } from '../../../core/catalog/kind-registry.ts';
import { plainFileClaims } from '../plain-file-claims.ts';
import { packClaims, READY, type PlainParseInput, type PlainParseRequest } from './parse-messages.ts';

const registry = createBuiltinKindRegistry();
const port = parentPort!;

const claimsOf = (file: PlainParseInput) => {
  try {
    return plainFileClaims(file.content, file.origin, registry);
  } catch {
    // The main thread reads the file again and reports whatever went wrong with its place.
    return undefined;
  }
};

port.on('message', (request: PlainParseRequest) => {
  port.postMessage(packClaims(request.id, request.files.map(claimsOf)));
});
port.postMessage(READY);
