// The AMD entry: webpack emits one anonymous define() whose value is this default export.
import SetupAuditWidget from './widget';

export default SetupAuditWidget;
