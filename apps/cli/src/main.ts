import { runCli } from './program';

// `npm run logclass -- classify in.csv -o out.csv`
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
  process.exitCode = code;
});
