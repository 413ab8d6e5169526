// The schema names that mark Connect's logical types, shared by validation, codecs and builders.

export const DECIMAL_LOGICAL_NAME = 'org.apache.kafka.connect.data.Decimal';
export const DECIMAL_SCALE_PARAMETER = 'scale';
export const DATE_LOGICAL_NAME = 'org.apache.kafka.connect.data.Date';
export const TIME_LOGICAL_NAME = 'org.apache.kafka.connect.data.Time';
export const TIMESTAMP_LOGICAL_NAME = 'org.apache.kafka.connect.data.Timestamp';

export const MILLIS_PER_DAY = 86_400_000;
