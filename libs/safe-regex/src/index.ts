export { findBacktrackingRisk } from './redos-guard';
