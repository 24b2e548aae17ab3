package com.contactsync.gateway.commands;

/** An answer to a command, to publish on {@code outlook.events.v1}: its {@code ce_type} and its data. */
record Answer(String type, Object data) {
}
