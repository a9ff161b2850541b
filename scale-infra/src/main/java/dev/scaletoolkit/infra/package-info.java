/** Infrastructure shared by the emulator, the gateway and the triggers: address policy, delivery, data access. */
package dev.scaletoolkit.infra;
