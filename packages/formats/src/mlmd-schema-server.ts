/**
 * MLMD's schema-v10 DDL on MySQL/MariaDB and PostgreSQL, as ML Metadata's query config
 * (metadata_source_query_config.cc) creates it: MySQL overrides the node tables (BIGINT times,
 * MEDIUMTEXT/MEDIUMBLOB values) and keeps the base DDL for the others; PostgreSQL uses unquoted
 * (lowercase) names, SERIAL ids, BOOLEAN flags and BYTEA. Both keep `int_value` an INT.
 */

/** CREATE TABLE statements of MLMD v10 on MySQL/MariaDB. */
export const MYSQL_V10_TABLES: readonly string[] = [
  'CREATE TABLE `Type` (`id` INT PRIMARY KEY AUTO_INCREMENT, `name` VARCHAR(255) NOT NULL, `version` VARCHAR(255), `type_kind` TINYINT(1) NOT NULL, `description` TEXT, `input_type` TEXT, `output_type` TEXT, `external_id` VARCHAR(255) UNIQUE)',
  'CREATE TABLE `TypeProperty` (`type_id` INT NOT NULL, `name` VARCHAR(255) NOT NULL, `data_type` INT NULL, PRIMARY KEY (`type_id`, `name`))',
  'CREATE TABLE `ParentType` (`type_id` INT NOT NULL, `parent_type_id` INT NOT NULL, PRIMARY KEY (`type_id`, `parent_type_id`))',
  'CREATE TABLE `Artifact` (`id` INTEGER PRIMARY KEY AUTO_INCREMENT, `type_id` INT NOT NULL, `uri` TEXT, `state` INT, `name` VARCHAR(255), `external_id` VARCHAR(255) UNIQUE, `create_time_since_epoch` BIGINT NOT NULL DEFAULT 0, `last_update_time_since_epoch` BIGINT NOT NULL DEFAULT 0, CONSTRAINT UniqueArtifactTypeName UNIQUE(`type_id`, `name`))',
  'CREATE TABLE `ArtifactProperty` (`artifact_id` INT NOT NULL, `name` VARCHAR(255) NOT NULL, `is_custom_property` TINYINT(1) NOT NULL, `int_value` INT, `double_value` DOUBLE, `string_value` MEDIUMTEXT, `byte_value` MEDIUMBLOB, `proto_value` MEDIUMBLOB, `bool_value` BOOLEAN, PRIMARY KEY (`artifact_id`, `name`, `is_custom_property`))',
  'CREATE TABLE `Execution` (`id` INTEGER PRIMARY KEY AUTO_INCREMENT, `type_id` INT NOT NULL, `last_known_state` INT, `name` VARCHAR(255), `external_id` VARCHAR(255) UNIQUE, `create_time_since_epoch` BIGINT NOT NULL DEFAULT 0, `last_update_time_since_epoch` BIGINT NOT NULL DEFAULT 0, CONSTRAINT UniqueExecutionTypeName UNIQUE(`type_id`, `name`))',
  'CREATE TABLE `ExecutionProperty` (`execution_id` INT NOT NULL, `name` VARCHAR(255) NOT NULL, `is_custom_property` TINYINT(1) NOT NULL, `int_value` INT, `double_value` DOUBLE, `string_value` MEDIUMTEXT, `byte_value` MEDIUMBLOB, `proto_value` MEDIUMBLOB, `bool_value` BOOLEAN, PRIMARY KEY (`execution_id`, `name`, `is_custom_property`))',
  'CREATE TABLE `Event` (`id` INTEGER PRIMARY KEY AUTO_INCREMENT, `artifact_id` INT NOT NULL, `execution_id` INT NOT NULL, `type` INT NOT NULL, `milliseconds_since_epoch` BIGINT, CONSTRAINT UniqueEvent UNIQUE(`artifact_id`, `execution_id`, `type`))',
  'CREATE TABLE `EventPath` (`event_id` INT NOT NULL, `is_index_step` TINYINT(1) NOT NULL, `step_index` INT, `step_key` TEXT)',
  'CREATE TABLE `MLMDEnv` (`schema_version` INTEGER PRIMARY KEY)',
  'CREATE TABLE `Context` (`id` INTEGER PRIMARY KEY AUTO_INCREMENT, `type_id` INT NOT NULL, `name` VARCHAR(255) NOT NULL, `external_id` VARCHAR(255) UNIQUE, `create_time_since_epoch` BIGINT NOT NULL DEFAULT 0, `last_update_time_since_epoch` BIGINT NOT NULL DEFAULT 0, UNIQUE(`type_id`, `name`))',
  'CREATE TABLE `ContextProperty` (`context_id` INT NOT NULL, `name` VARCHAR(255) NOT NULL, `is_custom_property` TINYINT(1) NOT NULL, `int_value` INT, `double_value` DOUBLE, `string_value` MEDIUMTEXT, `byte_value` MEDIUMBLOB, `proto_value` MEDIUMBLOB, `bool_value` BOOLEAN, PRIMARY KEY (`context_id`, `name`, `is_custom_property`))',
  'CREATE TABLE `ParentContext` (`context_id` INT NOT NULL, `parent_context_id` INT NOT NULL, PRIMARY KEY (`context_id`, `parent_context_id`))',
  'CREATE TABLE `Association` (`id` INTEGER PRIMARY KEY AUTO_INCREMENT, `context_id` INT NOT NULL, `execution_id` INT NOT NULL, UNIQUE(`context_id`, `execution_id`))',
  'CREATE TABLE `Attribution` (`id` INTEGER PRIMARY KEY AUTO_INCREMENT, `context_id` INT NOT NULL, `artifact_id` INT NOT NULL, UNIQUE(`context_id`, `artifact_id`))',
];

/** MLMD's secondary indexes on MySQL/MariaDB (prefix indexes on long text). */
export const MYSQL_V10_INDEXES: readonly string[] = [
  'ALTER TABLE `Artifact` ADD INDEX `idx_artifact_uri`(`uri`(255)), ADD INDEX `idx_artifact_create_time_since_epoch` (`create_time_since_epoch`), ADD INDEX `idx_artifact_last_update_time_since_epoch` (`last_update_time_since_epoch`)',
  'ALTER TABLE `Event` ADD INDEX `idx_event_execution_id` (`execution_id`)',
  'ALTER TABLE `ParentContext` ADD INDEX `idx_parentcontext_parent_context_id` (`parent_context_id`)',
  'ALTER TABLE `Type` ADD INDEX `idx_type_name` (`name`)',
  'ALTER TABLE `Execution` ADD INDEX `idx_execution_create_time_since_epoch` (`create_time_since_epoch`), ADD INDEX `idx_execution_last_update_time_since_epoch` (`last_update_time_since_epoch`)',
  'ALTER TABLE `Context` ADD INDEX `idx_context_create_time_since_epoch` (`create_time_since_epoch`), ADD INDEX `idx_context_last_update_time_since_epoch` (`last_update_time_since_epoch`)',
  'ALTER TABLE `EventPath` ADD INDEX `idx_eventpath_event_id`(`event_id`)',
  'ALTER TABLE `ArtifactProperty` ADD INDEX `idx_artifact_property_int`(`name`, `is_custom_property`, `int_value`), ADD INDEX `idx_artifact_property_double`(`name`, `is_custom_property`, `double_value`), ADD INDEX `idx_artifact_property_string`(`name`, `is_custom_property`, `string_value`(255))',
  'ALTER TABLE `ExecutionProperty` ADD INDEX `idx_execution_property_int`(`name`, `is_custom_property`, `int_value`), ADD INDEX `idx_execution_property_double`(`name`, `is_custom_property`, `double_value`), ADD INDEX `idx_execution_property_string`(`name`, `is_custom_property`, `string_value`(255))',
  'ALTER TABLE `ContextProperty` ADD INDEX `idx_context_property_int`(`name`, `is_custom_property`, `int_value`), ADD INDEX `idx_context_property_double`(`name`, `is_custom_property`, `double_value`), ADD INDEX `idx_context_property_string`(`name`, `is_custom_property`, `string_value`(255))',
  'ALTER TABLE `Type` ADD INDEX `idx_type_external_id` (`external_id`)',
  'ALTER TABLE `Artifact` ADD INDEX `idx_artifact_external_id` (`external_id`)',
  'ALTER TABLE `Execution` ADD INDEX `idx_execution_external_id` (`external_id`)',
  'ALTER TABLE `Context` ADD INDEX `idx_context_external_id` (`external_id`)',
];

/** CREATE TABLE statements of MLMD v10 on PostgreSQL. */
export const POSTGRES_V10_TABLES: readonly string[] = [
  'CREATE TABLE Type (id SERIAL PRIMARY KEY, name VARCHAR(255) NOT NULL, version VARCHAR(255), type_kind SMALLINT NOT NULL, description TEXT, input_type TEXT, output_type TEXT, external_id VARCHAR(255) UNIQUE)',
  'CREATE TABLE TypeProperty (type_id INT NOT NULL, name VARCHAR(255) NOT NULL, data_type INT NULL, PRIMARY KEY (type_id, name))',
  'CREATE TABLE ParentType (type_id INT NOT NULL, parent_type_id INT NOT NULL, PRIMARY KEY (type_id, parent_type_id))',
  'CREATE TABLE Artifact (id SERIAL PRIMARY KEY, type_id INT NOT NULL, uri TEXT, state INT, name VARCHAR(255), external_id VARCHAR(255) UNIQUE, create_time_since_epoch BIGINT NOT NULL DEFAULT 0, last_update_time_since_epoch BIGINT NOT NULL DEFAULT 0, CONSTRAINT UniqueArtifactTypeName UNIQUE(type_id, name))',
  'CREATE TABLE ArtifactProperty (artifact_id INT NOT NULL, name VARCHAR(255) NOT NULL, is_custom_property BOOLEAN NOT NULL, int_value INT, double_value DOUBLE PRECISION, string_value TEXT, byte_value BYTEA, proto_value BYTEA, bool_value BOOLEAN, PRIMARY KEY (artifact_id, name, is_custom_property))',
  'CREATE TABLE Execution (id SERIAL PRIMARY KEY, type_id INT NOT NULL, last_known_state INT, name VARCHAR(255), external_id VARCHAR(255) UNIQUE, create_time_since_epoch BIGINT NOT NULL DEFAULT 0, last_update_time_since_epoch BIGINT NOT NULL DEFAULT 0, CONSTRAINT UniqueExecutionTypeName UNIQUE(type_id, name))',
  'CREATE TABLE ExecutionProperty (execution_id INT NOT NULL, name VARCHAR(255) NOT NULL, is_custom_property BOOLEAN NOT NULL, int_value INT, double_value DOUBLE PRECISION, string_value TEXT, byte_value BYTEA, proto_value BYTEA, bool_value BOOLEAN, PRIMARY KEY (execution_id, name, is_custom_property))',
  'CREATE TABLE Event (id SERIAL PRIMARY KEY, artifact_id INT NOT NULL, execution_id INT NOT NULL, type INT NOT NULL, milliseconds_since_epoch BIGINT, CONSTRAINT UniqueEvent UNIQUE(artifact_id, execution_id, type))',
  'CREATE TABLE EventPath (event_id INT NOT NULL, is_index_step BOOLEAN NOT NULL, step_index INT, step_key TEXT)',
  'CREATE TABLE MLMDEnv (schema_version INT PRIMARY KEY)',
  'CREATE TABLE Context (id SERIAL PRIMARY KEY, type_id INT NOT NULL, name VARCHAR(255) NOT NULL, external_id VARCHAR(255) UNIQUE, create_time_since_epoch BIGINT NOT NULL DEFAULT 0, last_update_time_since_epoch BIGINT NOT NULL DEFAULT 0, UNIQUE(type_id, name))',
  'CREATE TABLE ContextProperty (context_id INT NOT NULL, name VARCHAR(255) NOT NULL, is_custom_property BOOLEAN NOT NULL, int_value INT, double_value DOUBLE PRECISION, string_value TEXT, byte_value BYTEA, proto_value BYTEA, bool_value BOOLEAN, PRIMARY KEY (context_id, name, is_custom_property))',
  'CREATE TABLE ParentContext (context_id INT NOT NULL, parent_context_id INT NOT NULL, PRIMARY KEY (context_id, parent_context_id))',
  'CREATE TABLE Association (id SERIAL PRIMARY KEY, context_id INT NOT NULL, execution_id INT NOT NULL, UNIQUE(context_id, execution_id))',
  'CREATE TABLE Attribution (id SERIAL PRIMARY KEY, context_id INT NOT NULL, artifact_id INT NOT NULL, UNIQUE(context_id, artifact_id))',
];

/**
 * MLMD's secondary indexes on PostgreSQL. The three string-value indexes cover the first 255
 * characters (`left(string_value, 255)`), as MySQL's prefix indexes do: a B-tree entry holds at
 * most 2704 bytes, and MLMD's full-value index rejects longer values such as encoded structs.
 */
export const POSTGRES_V10_INDEXES: readonly string[] = [
  'CREATE INDEX idx_artifact_uri ON Artifact (uri)',
  'CREATE INDEX idx_artifact_create_time_since_epoch ON Artifact (create_time_since_epoch)',
  'CREATE INDEX idx_artifact_last_update_time_since_epoch ON Artifact (last_update_time_since_epoch)',
  'CREATE INDEX idx_event_execution_id ON Event (execution_id)',
  'CREATE INDEX idx_parentcontext_parent_context_id ON ParentContext (parent_context_id)',
  'CREATE INDEX idx_type_name ON Type (name)',
  'CREATE INDEX idx_execution_create_time_since_epoch ON Execution (create_time_since_epoch)',
  'CREATE INDEX idx_execution_last_update_time_since_epoch ON Execution (last_update_time_since_epoch)',
  'CREATE INDEX idx_context_create_time_since_epoch ON Context (create_time_since_epoch)',
  'CREATE INDEX idx_context_last_update_time_since_epoch ON Context (last_update_time_since_epoch)',
  'CREATE INDEX idx_eventpath_event_id ON EventPath (event_id)',
  'CREATE INDEX idx_artifact_property_int ON ArtifactProperty (name, is_custom_property, int_value)',
  'CREATE INDEX idx_artifact_property_double ON ArtifactProperty (name, is_custom_property, double_value)',
  'CREATE INDEX idx_artifact_property_string ON ArtifactProperty (name, is_custom_property, left(string_value, 255))',
  'CREATE INDEX idx_execution_property_int ON ExecutionProperty (name, is_custom_property, int_value)',
  'CREATE INDEX idx_execution_property_double ON ExecutionProperty (name, is_custom_property, double_value)',
  'CREATE INDEX idx_execution_property_string ON ExecutionProperty (name, is_custom_property, left(string_value, 255))',
  'CREATE INDEX idx_context_property_int ON ContextProperty (name, is_custom_property, int_value)',
  'CREATE INDEX idx_context_property_double ON ContextProperty (name, is_custom_property, double_value)',
  'CREATE INDEX idx_context_property_string ON ContextProperty (name, is_custom_property, left(string_value, 255))',
  'CREATE INDEX idx_type_external_id ON Type (external_id)',
  'CREATE INDEX idx_artifact_external_id ON Artifact (external_id)',
  'CREATE INDEX idx_execution_external_id ON Execution (external_id)',
  'CREATE INDEX idx_context_external_id ON Context (external_id)',
];

/** Tables whose `id` is generated (AUTO_INCREMENT / SERIAL). */
export const GENERATED_ID_TABLES: readonly string[] = [
  'Type',
  'Artifact',
  'Execution',
  'Event',
  'Context',
  'Association',
  'Attribution',
];
