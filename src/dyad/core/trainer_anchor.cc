// Keeps the trainer library non-empty before any *_trainer.cpp exists.
namespace dyad { int trainer_anchor = 0; }
