/** JobContext.defer for processors called directly in tests, where no BullMQ job exists. */
export const noDefer = async (): Promise<never> => {
  throw new Error('defer() needs a BullMQ job; this test calls the processor directly');
};
