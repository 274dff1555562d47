describe('the timeout of a test in `npm test`', () => {
  // Jest takes it from the run's configuration only (jest.config.js), never from a project's:
  // without it every test and every hook without its own timeout got jest's default of 5 s.
  it('lets a test take longer than jest default of 5 s', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5_500));
  });
});
