import { runCli } from './program';

// `logclass classify big.csv | head`: the reader going away is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

// `npm run logclass -- classify in.csv -o out.csv`, `tail -f app.log | npm run logclass -- classify -`
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin }).then((code) => {
  process.exitCode = code;
});
