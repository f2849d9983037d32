import type { AnswerBody } from '../../../../app/agent/wire';
import type { AgentService, ServiceRequest } from '../../service-contract';

const STATUS: AnswerBody = { type: 'status', ok: true, locked: false, clients: [], keys: 0 };

/** A service whose answers wait until the test lets them go (as while the owner is asked), recording what it was asked. */
export function heldService() {
  const asked: Array<{ request: ServiceRequest; release: (answer?: AnswerBody) => void }> = [];
  let inFlight = 0;
  let mostInFlight = 0;
  let open = false;
  const service: AgentService = {
    handle: (request) => {
      if (open) return Promise.resolve(STATUS);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      return new Promise<AnswerBody>((resolve) => {
        let released = false;
        const release = (answer = STATUS) => {
          if (released) return;
          released = true;
          inFlight -= 1;
          resolve(answer);
        };
        asked.push({ request, release });
      });
    },
  };
  /** Lets every held request go, and answers every later one at once. */
  const openUp = () => {
    open = true;
    for (const { release } of asked) release();
  };
  return { service, asked, mostInFlight: () => mostInFlight, openUp };
}
