/**
 * Command-line arguments for the project's scripts, through node:util's parseArgs: an
 * unknown option, a missing value or a stray argument stops the script with its usage line
 * and exit code 2, instead of being ignored.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function cliArgs<O extends Options>(
  command: string,
  usage: string,
  options: O,
  positionals: { min: number; max: number },
  argv: string[] = process.argv.slice(2),
) {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: positionals.max > 0, strict: true });
    const n = parsed.positionals.length;
    if (n < positionals.min || n > positionals.max)
      throw new Error(n < positionals.min ? 'missing argument' : `unexpected argument "${parsed.positionals[positionals.max]}"`);
    return parsed;
  } catch (e) {
    process.stderr.write(`${command}: ${(e as Error).message}\nusage: ${usage}\n`);
    process.exit(2);
  }
}
