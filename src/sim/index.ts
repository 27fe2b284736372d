export { startSimHub, type SimHub, type SimHubOptions } from './hub-server.js';
export { SimGenerator, type SimEvent } from './generator.js';
export { INCIDENT_CYCLE_MS, planIncidents, type Incident, type IncidentKind } from './incidents.js';
export { RecordingWriter } from './recording.js';
export { loadReplay } from './replay-source.js';
export { worldFromRegistry } from './world.js';
export { activityAt, isWorkingTime, nextWorkingTime } from './rhythm.js';
