export { startSimHub, type SimHub, type SimHubOptions } from './hub-server.js';
export { SimGenerator, type GeneratorOptions, type SimEvent } from './generator.js';
export {
  INCIDENT_CYCLE_MS,
  INCIDENT_TIMING,
  OVERDUE_PILE_SIZE,
  planIncidents,
  type Incident,
  type IncidentKind,
} from './incidents.js';
export { ReplayBuffer } from './replay-buffer.js';
export { RecordingWriter, readRecording, decodeLine, type RecordedLine } from './recording.js';
export { loadReplay, type ReplaySource } from './replay-source.js';
export { worldFromRegistry, type SimWorld } from './world.js';
export { activityAt, isWorkingTime, nextWorkingTime } from './rhythm.js';
export { createClock, type SimClock, type ClockMode } from './clock.js';
