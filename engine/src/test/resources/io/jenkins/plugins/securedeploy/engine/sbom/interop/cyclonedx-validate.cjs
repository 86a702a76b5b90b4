// Validates a CycloneDX JSON file with @cyclonedx/cyclonedx-library's strict JSON validator (ajv + the official
// CycloneDX schemas): an implementation independent of cyclonedx-core-java. Exit 0 valid, 1 invalid, 3 error.
// Usage: NODE_PATH=<node_modules> node cyclonedx-validate.cjs <spec 1.4|1.5|1.6> <file>
const { Validation, Spec } = require('@cyclonedx/cyclonedx-library');
const fs = require('fs');
const version = { '1.4': Spec.Version.v1dot4, '1.5': Spec.Version.v1dot5, '1.6': Spec.Version.v1dot6 }[process.argv[2]];
new Validation.JsonStrictValidator(version)
  .validate(fs.readFileSync(process.argv[3], 'utf8'))
  .then(errors => {
    console.log(errors === null ? 'VALID' : JSON.stringify(errors));
    process.exit(errors === null ? 0 : 1);
  }, err => {
    console.error('ERROR ' + err.message);
    process.exit(3);
  });
