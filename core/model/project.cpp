// Project look-ups by id (see project.h). Linear searches: the catalogues hold tens of entries.
#include "core/model/project.h"

#include <algorithm>

namespace ferroscope::core {
namespace {

template <typename T>
const T *findById(const std::vector<T> &items, const std::string &id)
{
    const auto it = std::find_if(items.begin(), items.end(), [&id](const T &item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

const PhenotypePreset *Project::findPhenotype(const std::string &id) const { return findById(phenotypes, id); }
const GeneTarget *Project::findGene(const std::string &id) const { return findById(genes, id); }
const InputSpec *Project::findInput(const std::string &id) const { return findById(inputs, id); }
const TherapyPreset *Project::findTherapy(const std::string &id) const { return findById(therapies, id); }

bool isBuiltinModel(const Project &project) { return project.modelVersion.rfind("MODEL.md", 0) == 0; }

}  // namespace ferroscope::core
