export * from './matcher.types';
export { matchColumns, scoreColumns, ScoredCandidate, ScoredColumn } from './match-columns';
export { calibrate, fitCalibration, CALIBRATION, CalibrationFeatures, CalibrationParams, CalibrationSample } from './calibration';
export { assignGreedy, ScoredPair } from './assignment';
export { tokenize } from './tokenize';
export { sequenceRatio } from './string-similarity';
export { detectPattern, profileValues, ValuePattern } from './value-profile';
export { toKind, typeCompatibility, Kind } from './type-compat';
export { entityTargets, withOntologyHints } from './ontology-hints';
