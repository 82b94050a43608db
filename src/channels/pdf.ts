import type { ContentDocument } from '../core/document.js';
import { DocumentBuilder, type DocumentInput } from './builder.js';

export async function parsePdf(input: Omit<DocumentInput, 'format'>): Promise<ContentDocument> {
  const builder = new DocumentBuilder({ ...input, format: 'pdf' });
  builder.problem('parse/unsupported', 'PDF files are not read yet', null, 'warning');
  return builder.document;
}
