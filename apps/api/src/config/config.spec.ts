import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('parses the environment once into a frozen, typed object with defaults', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/dlclass',
      REDIS_URL: 'redis://127.0.0.1:6379',
      WEB_ORIGINS: 'http://localhost:3000, http://192.168.1.10:3000',
    });
    expect(config).toMatchObject({
      API_PORT: 3001,
      TRAINING_QUEUE_NAME: 'training',
      LOG_LEVEL: 'info',
      WEB_ORIGINS: ['http://localhost:3000', 'http://192.168.1.10:3000'],
      COOKIE_SECURE: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
    const defaults = loadConfig({});
    expect(defaults.WEB_ORIGINS).toContain('http://localhost:3000');
    expect(defaults.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(defaults.MNIST_DIR).toBeUndefined();
    expect(loadConfig({ MNIST_DIR: ' ' }).MNIST_DIR).toBeUndefined();
    expect(loadConfig({ MNIST_DIR: '/data/mnist' }).MNIST_DIR).toBe('/data/mnist');
  });

  it('has rate limits, a body limit and the trusted proxy, which the environment may change', () => {
    expect(loadConfig({})).toMatchObject({
      TRUST_PROXY: false,
      BODY_LIMIT: '1mb',
      RATE_LIMIT_WINDOW_S: 60,
      RATE_LIMIT_LOGIN_PER_IP: 20,
      RATE_LIMIT_JOIN_PER_IP: 120,
      RATE_LIMIT_JOIN_PER_CODE: 120,
      RATE_LIMIT_RUNS_PER_USER: 10,
      RATE_LIMIT_CLASSICAL_RUNS_PER_USER: 30,
    });
    expect(loadConfig({ RATE_LIMIT_RUNS_PER_USER: '3', BODY_LIMIT: '2mb' })).toMatchObject({
      RATE_LIMIT_RUNS_PER_USER: 3,
      BODY_LIMIT: '2mb',
    });
    expect(() => loadConfig({ RATE_LIMIT_JOIN_PER_IP: '0' })).toThrow(
      /RATE_LIMIT_JOIN_PER_IP: doit être un entier positif/,
    );
    expect(() => loadConfig({ BODY_LIMIT: 'beaucoup' })).toThrow(/BODY_LIMIT: une taille comme 512kb ou 1mb/);
  });

  it('believes X-Forwarded-For only from the proxies it is told of, never from anyone', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback,172.28.0.0/24' }).TRUST_PROXY).toBe('loopback, 172.28.0.0/24');
    for (const wrong of ['true', 'partout', '10.0.0.0/8/2']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY: false, un nombre de proxies/);
    }
  });

  it('refuses to start, listing every problem', () => {
    expect.assertions(2);
    try {
      loadConfig({ DATABASE_URL: 'nowhere', REDIS_URL: 'not a url', API_PORT: 'abc', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'API_PORT',
        'DATABASE_URL',
        'LOG_LEVEL',
        'REDIS_URL',
      ]);
    }
  });
});
