// Invoice system (インボイス制度) helpers shared by the register, the handhelds and the core.
export {
  validateRegistrationNumber, parseRegistrationNumber, normalizeRegistrationNumber, corporateCheckDigit,
  isValidCorporateNumber, RegistrationNumberError, REGISTRATION_NUMBER_MESSAGES,
  type RegistrationNumberResult, type RegistrationNumberErrorCode, type RegistrationNumberOptions,
} from './registration-number.ts';
