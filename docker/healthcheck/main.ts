import { probe } from './probe';

// Entry point bundled to dist/docker/healthcheck/main.js (see docker/project.json).
probe(process.argv.slice(2), process.env).then(
  (result) => {
    process.stdout.write(`${result.address} ${result.status}\n`);
    process.exit(result.exitCode);
  },
  (err: Error) => {
    process.stderr.write(`healthcheck: ${err.message}\n`);
    process.exit(1);
  },
);
