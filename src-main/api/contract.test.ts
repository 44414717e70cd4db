import { httpRegister, inprocRegister } from '../testing/harness.ts';
import { contractSuite } from './contract.suite.ts';

contractSuite('in-process', inprocRegister);
contractSuite('HTTP', httpRegister);
