/**
 * Bulwark's shared value types: requests, limits, results, statuses, findings, outputs, the error
 * shape, their JSON form and the size and duration grammar. Records and enums only; Jackson is its
 * one dependency.
 */
module dev.bulwark.model {
  requires transitive tools.jackson.databind;
  requires transitive com.fasterxml.jackson.annotation;

  exports dev.bulwark.model;

  // Jackson builds and reads the records by reflection.
  opens dev.bulwark.model to
      tools.jackson.databind;
}
