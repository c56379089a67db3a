import { answerByKeyword, startFakeGroq, type FakeGroq } from './fake-groq';

interface ChatJson {
  choices: Array<{ message: { content: string } }>;
  usage: Record<string, number>;
  error: { code?: string };
}

const chat = (fake: FakeGroq, userText: string) =>
  fetch(`${fake.baseUrl}/openai/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
    body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: userText }] }),
  });

describe('fake Groq', () => {
  let fake: FakeGroq;
  beforeEach(async () => {
    fake = await startFakeGroq({ respond: answerByKeyword([[/login/, 'User Action']], 'Error') });
  });
  afterEach(() => fake.close());

  it('answers like a model, one bare label or a JSON object per id, and records each request', async () => {
    const one = (await (await chat(fake, '{"source":"s","log_message":"login ok"}')).json()) as ChatJson;
    expect(one.choices[0].message.content).toBe('User Action');
    expect(one.usage).toEqual({ prompt_tokens: 100, completion_tokens: 5, total_tokens: 105 });
    const two = (await (await chat(fake, 'x\n{"id":1,"log_message":"login"}\n{"id":2,"log_message":"disk"}')).json()) as ChatJson;
    expect(JSON.parse(two.choices[0].message.content)).toEqual({ 1: 'User Action', 2: 'Error' });
    expect(fake.requests.map((r) => [r.index, r.body.model, r.headers.authorization])).toEqual([
      [0, 'm', 'Bearer k'],
      [1, 'm', 'Bearer k'],
    ]);
  });

  it("answers errors in Groq's shape, malformed bodies, and tracks peak concurrency", async () => {
    fake.respond = () => ({ status: 429, code: 'rate_limit_exceeded', headers: { 'retry-after': '2' } });
    const limited = await chat(fake, 'a');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(((await limited.json()) as ChatJson).error.code).toBe('rate_limit_exceeded');

    fake.respond = () => ({ malformedBody: '{"choices": [' });
    expect(await (await chat(fake, 'a')).text()).toBe('{"choices": [');

    fake.reset();
    // Every answer waits until all three requests are in: a fixed delay let a fast one finish first on a busy machine.
    let arrived = 0;
    let allIn: () => void = () => undefined;
    const allArrived = new Promise<void>((resolve) => (allIn = resolve));
    fake.respond = async () => {
      if (++arrived === 3) allIn();
      await allArrived;
      return { content: 'Error' };
    };
    await Promise.all([chat(fake, 'a'), chat(fake, 'b'), chat(fake, 'c')]);
    expect(fake.maxConcurrent).toBe(3);
    expect(fake.requests).toHaveLength(3);
  });

  it('lets a hanging request go when closed', async () => {
    fake.respond = () => ({ hang: true });
    const pending = chat(fake, 'a').then(
      () => 'answered',
      () => 'connection closed',
    );
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await fake.close();
    expect(await pending).toBe('connection closed');
    fake = await startFakeGroq({ respond: () => ({ content: 'x' }) }); // for afterEach
  });
});
