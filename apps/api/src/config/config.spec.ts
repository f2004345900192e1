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
