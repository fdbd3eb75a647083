// STUB: implemented by the ASFF work. Signature is the contract.
import { InvalidEventError } from '../errors.js';
import type { Finding } from '../finding/model.js';
import type { ReadContext } from '../input/read-context.js';

/** Maps one ASFF finding into the model. Throws `InvalidEventError` with the JSON path. */
export function asffToFinding(_raw: unknown, ctx: ReadContext): Finding {
  throw new InvalidEventError(ctx.input, ctx.path, 'ASFF reader not implemented yet');
}
