// STUB: implemented by the OCSF work. Signature is the contract.
import { InvalidEventError } from '../errors.js';
import type { Finding } from '../finding/model.js';
import type { ReadContext } from '../input/read-context.js';

/** Maps one OCSF 1.x finding (new Security Hub) into the model. Throws `InvalidEventError` with the JSON path. */
export function ocsfToFinding(_raw: unknown, ctx: ReadContext): Finding {
  throw new InvalidEventError(ctx.input, ctx.path, 'OCSF reader not implemented yet');
}
