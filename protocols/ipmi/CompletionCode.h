#pragma once

#include <QtGlobal>

// IPMI completion codes (IPMI v2.0 table 5-2) and the command-specific ones qbmc answers with.
enum class CompletionCode : quint8 {
    Success = 0x00,
    // Command specific (their meaning depends on the command that returns them)
    PasswordTestFailed = 0x80,    // Set User Password, test: wrong password
    PayloadAlreadyActive = 0x80,  // Activate Payload
    PasswordWrongSize = 0x81,     // Set User Password, test: wrong size
    ParameterNotSupported = 0x80, // Get/Set configuration parameters
    SetInProgress = 0x81,         // Set System Boot Options, set-in-progress lock
    ParameterReadOnly = 0x82,     // Set configuration parameters
    WriteProtectedOffset = 0x80,  // Write FRU Data
    ReservationCancelled = 0xC5,
    // Generic
    NodeBusy = 0xC0,
    InvalidCommand = 0xC1,
    InvalidForLun = 0xC2,
    Timeout = 0xC3,
    OutOfSpace = 0xC4,
    InvalidReservation = 0xC5,
    RequestDataTruncated = 0xC6,
    RequestDataLengthInvalid = 0xC7,
    RequestDataFieldLengthExceeded = 0xC8,
    ParameterOutOfRange = 0xC9,
    CannotReturnRequestedBytes = 0xCA,
    RequestedDataNotPresent = 0xCB,
    InvalidDataField = 0xCC,
    IllegalForSensorOrRecord = 0xCD,
    ResponseNotProvided = 0xCE,
    DuplicatedRequest = 0xCF,
    SdrInUpdateMode = 0xD0,
    FirmwareUpdateMode = 0xD1,
    InitializationInProgress = 0xD2,
    DestinationUnavailable = 0xD3,
    InsufficientPrivilege = 0xD4,
    NotSupportedInPresentState = 0xD5,
    SubFunctionDisabled = 0xD6,
    Unspecified = 0xFF,
};
