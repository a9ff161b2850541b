/** The claim-and-send loop behind durable outboxes (the emulator's callbacks, the triggers' webhooks). */
package dev.scaletoolkit.infra.delivery;
