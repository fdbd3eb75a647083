/**
 * The project's named errors. Each carries `cause` when it wraps another error.
 *
 * - `InvalidEventError` is permanent: the input cannot be read. Report it (DLQ / `error` line), move on.
 * - `TemplateError` is a build-time error: a template is broken; the build fails with file and line.
 * - `DeliveryError` wraps a transport failure; `transient` says whether a retry may help.
 * - `ConfigError` names the setting that is missing or wrong; raised once at start-up.
 */

export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  /** JSON path inside the input, e.g. `detail.findings[0].Severity.Label`. */
  readonly path: string;
  /** Which input: a file name (replay) or an SQS message id / event id (Lambda). */
  readonly input: string;
  /** What is wrong, without the input and path. */
  readonly reason: string;
  constructor(input: string, path: string, reason: string, options?: { cause?: unknown }) {
    super(`${input}: ${path ? `${path}: ` : ''}${reason}`, options);
    this.input = input;
    this.path = path;
    this.reason = reason;
  }
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  readonly file: string;
  readonly line?: number;
  constructor(file: string, line: number | undefined, message: string, options?: { cause?: unknown }) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${message}`, options);
    this.file = file;
    if (line !== undefined) this.line = line;
  }
}

export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly transport: string;
  readonly transient: boolean;
  constructor(transport: string, transient: boolean, message: string, options?: { cause?: unknown }) {
    super(`${transport}: ${message}`, options);
    this.transport = transport;
    this.transient = transient;
  }
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The setting (environment variable, flag or config key) that is missing or wrong. */
  readonly setting: string;
  constructor(setting: string, message: string, options?: { cause?: unknown }) {
    super(`${setting}: ${message}`, options);
    this.setting = setting;
  }
}
