import { errorProblem, warningProblem, type Problem } from '../problems.ts';
import { composeYaml, type YamlFault, type YamlLimits } from './compose-yaml.ts';
import { describeShape, isPlainObject } from './issue-text.ts';
import { locateInDocument, type SourcePosition } from './yaml-locate.ts';

export type { YamlLimits } from './compose-yaml.ts';

/** One usable document of a catalog file: a mapping, with a way back to places in the text. */
export interface YamlDocument {
  /** 0-based position of the document in the file, counting empty and broken ones. */
  index: number;
  value: unknown;
  /** Where the document's content starts (1-based). */
  line: number;
  column: number;
  /** Position of the deepest existing node on `path` (e.g. `['spec','owner']`), 1-based. */
  locate(path: readonly (string | number)[]): SourcePosition;
}

export interface ParsedYamlDocuments {
  documents: YamlDocument[];
  problems: Problem[];
}

const NO_ENTITIES = 'file contains no entities; any entities it held before are kept until it has entities again or is deleted';

const toProblem = (fault: YamlFault, file: string): Problem => {
  const where = { file, ...(fault.line === undefined ? {} : { line: fault.line, column: fault.column }) };
  return fault.severity === 'error' ? errorProblem(fault.message, where) : warningProblem(fault.message, where);
};

/**
 * Splits a catalog file into its YAML documents (compat §1.7): documents with syntax errors
 * or that are not mappings give one error each while the others still come back; empty
 * documents are skipped, but a file with no document at all is an error; merge keys stay off. Size, encoding, nesting and alias limits turn
 * hostile input into problems, never into hangs or crashes.
 */
export function parseYamlDocuments(content: string | Uint8Array, file: string, limits?: YamlLimits): ParsedYamlDocuments {
  const composed = composeYaml(content, limits);
  const problems = composed.faults.map((fault) => toProblem(fault, file));
  const documents: YamlDocument[] = [];
  for (const { index, value, node } of composed.documents) {
    const locate = (path: readonly (string | number)[]) => locateInDocument(node, composed.lineCounter, path);
    const start = locate([]);
    if (!isPlainObject(value)) {
      problems.push(errorProblem(`expected a mapping (an entity), found ${describeShape(value)}`, { file, ...start }));
      continue;
    }
    documents.push({ index, value, line: start.line, column: start.column, locate });
  }
  // An empty file is far more often a truncated write or a bad merge than a wish to delete
  // everything it declared, so it is an error: its entities stay until it is fixed or deleted.
  if (documents.length === 0 && !problems.some((problem) => problem.severity === 'error')) {
    problems.push(errorProblem(NO_ENTITIES, { file }));
  }
  // Faults and shape problems were found in two passes; readers expect file order.
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { documents, problems };
}
