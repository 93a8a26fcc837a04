import { runCli } from './run-cli';

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
}).then(
  (code) => (process.exitCode = code),
  (err) => {
    process.stderr.write(`letterdesk: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
