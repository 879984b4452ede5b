package io.personastudio.ml.train;

import io.personastudio.ml.chat.ImportedChat;
import io.personastudio.ml.model.Hyperparameters;

/**
 * What to learn: whose writing, from which chat, with which knobs.
 *
 * @param chat the imported chat
 * @param person sender id or name of the person to imitate
 * @param hyperparameters all hyper-parameters (seed included)
 * @param scrub replace e-mails, phones, card numbers and links before training
 */
public record TrainingRequest(
    ImportedChat chat, String person, Hyperparameters hyperparameters, boolean scrub) {}
