// Original file: ../../../proto/polyconnect/plugin/v1/plugin_service.proto


export interface DescribeRequest {
}

export interface DescribeRequest__Output {
}
