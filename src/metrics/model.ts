import { Gauge } from 'prom-client';
import { registry } from './registry.js';

const circuitOpen = new Gauge({
  name: 'maxon_model_circuit_open',
  help: '1 while the model is not called because it kept failing (the offline engine answers)',
  registers: [registry],
});

/** The model client's circuit breaker calls this when it opens or closes. */
export function setModelCircuitOpen(open: boolean): void {
  circuitOpen.set(open ? 1 : 0);
}
