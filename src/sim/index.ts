export { startSimHub, type SimHub, type SimHubOptions } from './hub-server.js';
export { SimGenerator, type SimEvent } from './generator.js';
export { INCIDENT_CYCLE_MS, OVERDUE_PILE_SIZE, planIncidents, type Incident, type IncidentKind } from './incidents.js';
export { ReplayBuffer } from './replay-buffer.js';
export { RecordingWriter, readRecording } from './recording.js';
export { loadReplay, type ReplaySource } from './replay-source.js';
export { worldFromRegistry } from './world.js';
export { activityAt, isWorkingTime, nextWorkingTime } from './rhythm.js';
