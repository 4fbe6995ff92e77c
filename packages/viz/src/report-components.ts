// The components a run's report.html needs, built by tsup into one classic script
// (dist/report-components.global.js) that writeReport inlines: no tfjs, no Node module.
import './training-view.js';
