/** Where a finding sits: which input, and the JSON path of the finding inside it. */
export interface ReadContext {
  /** A file name (replay) or message/event id (Lambda). */
  readonly input: string;
  /** JSON path prefix of this finding, e.g. `detail.findings[2]`. Errors append to it. */
  readonly path: string;
  /** The event's Region: the fallback when a finding names none (ASFF `Region` is optional or ""). */
  readonly region?: string;
}
