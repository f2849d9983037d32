/** The Playwright binding the page calls for every channel: `(channel, input) => Result as JSON text`. */
export const INVOKE_BINDING = '__barongHarnessInvoke';
/** The page function the test process calls to hand a backend event to the page's listeners. */
export const DELIVER_EVENT = '__barongHarnessDeliver';
