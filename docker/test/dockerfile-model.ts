import { DockerfileParser } from 'dockerfile-ast';

/**
 * docker/Dockerfile as data: its stages with their resolved base and
 * instructions, and for each service target what the final image ends up
 * with (USER, ENV, EXPOSE, HEALTHCHECK, CMD are inherited from parent stages).
 */
export interface Instruction {
  readonly keyword: string;
  readonly args: string[];
  readonly flags: Record<string, string>;
  /** Arguments as written (JSON forms keep their brackets). */
  readonly content: string;
}

export interface Stage {
  readonly name: string;
  /** The FROM argument with build ARG defaults substituted: an image or an earlier stage. */
  readonly from: string;
  readonly instructions: Instruction[];
}

export interface ImageFacts {
  readonly user?: string;
  readonly env: Record<string, string>;
  readonly exposed: number[];
  /** The HEALTHCHECK command (exec form), or 'NONE'. */
  readonly healthcheck?: string[] | 'NONE';
  readonly cmd?: string[];
  /** The external base image at the bottom of the stage chain. */
  readonly baseImage: string;
  /** The last WORKDIR: where relative paths in settings resolve. */
  readonly workdir?: string;
}

export function parseDockerfile(text: string): Stage[] {
  const dockerfile = DockerfileParser.parse(text);
  const argDefaults: Record<string, string> = {};
  const stages: Stage[] = [];
  let current: Stage | undefined;
  for (const i of dockerfile.getInstructions()) {
    const keyword = i.getKeyword().toUpperCase();
    const flags = Object.fromEntries(('getFlags' in i ? (i as unknown as FlagHolder).getFlags() : []).map((f) => [f.getName(), f.getValue() ?? '']));
    const instruction: Instruction = { keyword, args: i.getArguments().map((a) => a.getValue()), flags, content: i.getArgumentsContent() ?? '' };
    if (keyword === 'FROM') {
      const [image, as, name] = instruction.args;
      const from = image.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => argDefaults[a ?? b ?? ''] ?? '');
      current = { name: as?.toUpperCase() === 'AS' ? name : `#${stages.length}`, from, instructions: [] };
      stages.push(current);
    } else if (!current) {
      // ARGs before the first FROM parameterise the FROM lines.
      if (keyword === 'ARG') {
        const [name, value = ''] = instruction.args[0].split(/=(.*)/s);
        // A default may name an earlier ARG (BUILD_NODE_IMAGE=${NODE_IMAGE}).
        argDefaults[name] = value.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => argDefaults[a ?? b ?? ''] ?? '');
      }
    } else {
      current.instructions.push(instruction);
    }
  }
  return stages;
}

interface FlagHolder {
  getFlags(): { getName(): string; getValue(): string | null }[];
}

/** Exec form `["a", "b"]` as an array; shell form is refused (signals would not reach node). */
export function execForm(content: string): string[] {
  const parsed: unknown = JSON.parse(content);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) throw new Error(`not an exec form: ${content}`);
  return parsed;
}

/** What the image built with `--target <name>` carries, following its FROM chain. */
export function imageFacts(stages: readonly Stage[], target: string): ImageFacts {
  const chain: Stage[] = [];
  for (let stage = stages.find((s) => s.name === target); stage; stage = stages.find((s) => s.name === stage?.from)) {
    chain.unshift(stage);
  }
  if (chain.length === 0) throw new Error(`no stage named ${target}`);
  let user: string | undefined;
  let healthcheck: string[] | 'NONE' | undefined;
  let cmd: string[] | undefined;
  let workdir: string | undefined;
  const env: Record<string, string> = {};
  const exposed: number[] = [];
  for (const i of chain.flatMap((s) => s.instructions)) {
    if (i.keyword === 'USER') user = i.args[0];
    if (i.keyword === 'WORKDIR') workdir = i.args[0].startsWith('/') ? i.args[0] : `${workdir ?? ''}/${i.args[0]}`;
    if (i.keyword === 'ENV') for (const a of i.args) env[a.split('=')[0]] = a.slice(a.indexOf('=') + 1);
    if (i.keyword === 'EXPOSE') exposed.push(...i.args.map((p) => Number(p.split('/')[0])));
    if (i.keyword === 'CMD') cmd = execForm(i.content);
    if (i.keyword === 'HEALTHCHECK') healthcheck = i.args[0] === 'NONE' ? 'NONE' : execForm(i.content.replace(/^.*?CMD\s+/s, ''));
  }
  return { user, env, exposed, healthcheck, cmd, baseImage: chain[0].from, workdir };
}
